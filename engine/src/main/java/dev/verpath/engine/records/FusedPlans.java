package dev.verpath.engine.records;

import dev.verpath.rules.RecordContext;
import dev.verpath.rules.RecordEdit;
import dev.verpath.rules.RecordRule;
import dev.verpath.rules.RecordView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link FusedPlan}s of one file's stages, by the shape of the records they are for. A run is fused only when
 * its rules are edits alone (no {@code transform}) and no edit's path goes through a value an edit computes; a shape
 * only when its names are distinct and none is an object an edit's path goes into (those records, like records of a
 * shape whose first record had a field dropped, go the step-by-step way). At most {@value #SHAPES} shapes a
 * worker. Not thread-safe: one per worker.
 */
final class FusedPlans {

    private static final int SHAPES = 16;

    private final boolean fusable;
    private final Set<String> objectNames = new HashSet<>();
    private final List<FusedPlan> plans = new ArrayList<>();
    private final List<String[]> refused = new ArrayList<>();
    private FusedPlan last;

    /** @param rules every rule of the stages that apply to the file */
    FusedPlans(List<RecordRule> rules) {
        List<String[]> paths = new ArrayList<>();
        List<String[]> computed = new ArrayList<>();
        boolean editsOnly = true;
        for (RecordRule rule : rules) {
            editsOnly &= editsOnly(rule);
            for (RecordEdit edit : rule.edits()) {
                for (String p : edit.reads()) {
                    paths.add(FieldPaths.names(p));
                }
                for (String p : edit.writes()) {
                    paths.add(FieldPaths.names(p));
                }
                if (edit instanceof RecordEdit.MoveInto into) {
                    paths.add(FieldPaths.names(into.object() + ".x"));
                }
                if (edit instanceof RecordEdit.SetField set) {
                    computed.add(FieldPaths.names(set.path()));
                } else if (edit instanceof RecordEdit.MapField map) {
                    computed.add(FieldPaths.names(map.path()));
                }
            }
        }
        for (String[] p : paths) {
            if (p.length > 1) {
                objectNames.add(p[0]);
            }
        }
        this.fusable = editsOnly && computed.stream().noneMatch(c -> paths.stream().anyMatch(p -> inside(p, c)));
    }

    /** @return whether a record of this shape may be migrated by a plan (a plan may still be refused) */
    boolean mayFuse(RecordObject root) {
        if (!fusable || refused.size() >= SHAPES || plans.size() >= SHAPES) {
            return false;
        }
        ArrayList<RecordField> fields = root.fields;
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).name;
            if (objectNames.contains(name)) {
                return false;
            }
            for (int j = 0; j < i; j++) {
                if (fields.get(j).name.equals(name)) {
                    return false;
                }
            }
        }
        for (String[] shape : refused) {
            if (sameShape(shape, fields)) {
                return false;
            }
        }
        return true;
    }

    /** @return the plan for a record's shape, or null when there is none */
    FusedPlan find(RecordObject root) {
        if (!fusable) {
            return null;
        }
        ArrayList<RecordField> fields = root.fields;
        if (last != null && sameShape(last.shape(), fields)) {
            return last;
        }
        for (FusedPlan plan : plans) {
            if (sameShape(plan.shape(), fields)) {
                last = plan;
                return plan;
            }
        }
        return null;
    }

    void add(FusedPlan plan) {
        plans.add(plan);
        last = plan;
    }

    void refuse(String[] shape) {
        refused.add(shape);
    }

    private static boolean sameShape(String[] shape, ArrayList<RecordField> fields) {
        if (shape.length != fields.size()) {
            return false;
        }
        for (int i = 0; i < shape.length; i++) {
            String name = fields.get(i).name;
            if (name != shape[i] && !name.equals(shape[i])) {
                return false;
            }
        }
        return true;
    }

    /** Whether path p goes through the field c (c is a strict prefix of p). */
    private static boolean inside(String[] p, String[] c) {
        return p.length > c.length && Arrays.equals(p, 0, c.length, c, 0, c.length);
    }

    private static boolean editsOnly(RecordRule rule) {
        try {
            return rule.getClass().getMethod("transform", RecordView.class, RecordContext.class).getDeclaringClass()
                    == RecordRule.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
