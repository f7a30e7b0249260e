package dev.verpath.rules;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A product's declared service control (2.2.0), with the 2.1 constructors still there. */
class ProductServiceTest {

    private static final ServiceControl SYSTEMD = new ServiceControl(Optional.of(List.of("systemctl", "stop", "gw")),
            Optional.of(List.of("systemctl", "start", "gw")), Optional.empty());

    @Test
    void theBuilderDeclaresTheService() {
        Product product = Product.of("gw", "The gateway.").config("gw.toml").service(SYSTEMD).configFile("gw.toml").build();

        assertThat(product.service()).contains(SYSTEMD);
        assertThat(product.configFile()).contains("gw.toml");
    }

    @Test
    void theConstructorsOfRulesApi21DeclareNoService() {
        Product preview = new Product("gw", "The gateway.", "gw.toml", "data", "models");
        Product canonical21 = new Product("gw", "The gateway.", FileRoles.NONE, Optional.empty(), Optional.empty(),
                Optional.empty());
        Product.Builder builder21 = new Product.Builder("gw", "The gateway.", FileRoles.NONE, Optional.empty(),
                Optional.empty(), Optional.empty());

        assertThat(preview.service()).isEmpty();
        assertThat(canonical21.service()).isEmpty();
        assertThat(builder21.build().service()).isEmpty();
        assertThat(RulesApi.VERSION).startsWith("2.");
    }

    @Test
    void aCommandNeedsAProgram() {
        assertThatThrownBy(() -> new ServiceControl(Optional.of(List.of()), Optional.empty(), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stop command");
    }
}
