package bench;

import org.flywaydb.core.Flyway;

/** Applies every migration under a folder to an H2 file database: java bench.FlywayPeer SQL_DIR DB_FILE. */
public final class FlywayPeer {

    private FlywayPeer() {
    }

    public static void main(String[] args) {
        Flyway flyway = Flyway.configure()
                .dataSource("jdbc:h2:file:" + args[1], "sa", "")
                .locations("filesystem:" + args[0])
                .load();
        System.out.println(flyway.migrate().migrationsExecuted + " migrations applied");
    }
}
