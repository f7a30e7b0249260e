package dev.verpath.rules;

/**
 * The test of an {@link EdgeRisk}: whether the risk applies to one installation.
 *
 * @since 2.3.0
 */
@FunctionalInterface
public interface RiskCondition {

    /**
     * @param installation what the installation holds
     * @return true when the risk applies: the edge is then not taken for this installation (unless the operator accepts
     *         the risk by name)
     * @throws Exception when it cannot be decided; the edge is then not taken either (fail closed), and the message
     *                   says why
     */
    boolean applies(InstallationFacts installation) throws Exception;
}
