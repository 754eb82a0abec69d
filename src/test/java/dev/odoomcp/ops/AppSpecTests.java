package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * The App Platform specs (.do/app.yaml for doctl, .do/deploy.template.yaml for the Deploy button)
 * hold the fields App Platform requires, agree with the Dockerfile, the server and the deploy docs,
 * and never carry the access token as a plain value.
 */
class AppSpecTests {

    private static final String NAME = "^[a-z][a-z0-9-]{0,30}[a-z0-9]$";

    @ParameterizedTest
    @ValueSource(strings = {".do/app.yaml", ".do/deploy.template.yaml"})
    void specDeclaresADockerfileServiceWithHealthCheckSizeAndSecrets(String file) throws IOException {
        Map<String, Object> spec = load(file);
        if (file.endsWith("deploy.template.yaml")) {
            assertThat(spec).containsOnlyKeys("spec");
            spec = map(spec.get("spec"));
        }
        assertThat((String) spec.get("name")).matches(NAME);
        List<Object> services = list(spec.get("services"));
        assertThat(services).hasSize(1);
        Map<String, Object> service = map(services.get(0));
        assertThat((String) service.get("name")).matches(NAME);

        Map<String, Object> github = map(service.get("github"));
        assertThat((String) github.get("repo")).matches("^[^/]+/[^/]+$");
        assertThat(github.get("branch")).isEqualTo("main");
        assertThat(github.get("deploy_on_push")).isEqualTo(true);

        assertThat(service.get("dockerfile_path")).isEqualTo("Dockerfile");
        assertThat(Files.exists(Path.of((String) service.get("dockerfile_path"))))
                .isTrue();
        assertThat(service.get("http_port")).isEqualTo(8080);
        assertThat(dockerfile()).contains("PORT=8080", "EXPOSE 8080");
        assertThat(map(service.get("health_check")).get("http_path")).isEqualTo("/health");
        assertThat(service.get("instance_size_slug")).isEqualTo("apps-s-1vcpu-0.5gb");
        assertThat(service.get("instance_count")).isEqualTo(1);

        Map<String, Map<String, Object>> envs = new java.util.HashMap<>();
        list(service.get("envs")).forEach(e -> envs.put((String) map(e).get("key"), map(e)));
        assertThat(envs).containsKeys("MCP_ACCESS_TOKEN", "MCP_TENANT_HASH_KEY", "ODOO_ALLOWED_HOSTS");
        for (String secret : List.of("MCP_ACCESS_TOKEN", "MCP_TENANT_HASH_KEY")) {
            assertThat(envs.get(secret).get("type")).as(secret).isEqualTo("SECRET");
            assertThat(envs.get(secret).get("scope")).as(secret).isEqualTo("RUN_TIME");
        }
        assertThat(envs.get("ODOO_ALLOWED_HOSTS").get("value")).isEqualTo("*.odoo.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "docs/operations.md"})
    void theDeployDocsSayWhichOdooHostsTheSpecsAllow(String doc) throws IOException {
        // a one-click deploy refuses every other host: an administrator must read that before deploying
        Map<String, Object> service =
                map(list(load(".do/app.yaml").get("services")).get(0));
        Object allowed = list(service.get("envs")).stream()
                .map(AppSpecTests::map)
                .filter(e -> "ODOO_ALLOWED_HOSTS".equals(e.get("key")))
                .findFirst()
                .orElseThrow()
                .get("value");
        assertThat(Files.readString(Path.of(doc))).contains("`ODOO_ALLOWED_HOSTS=" + allowed + "`");
    }

    @ParameterizedTest
    @ValueSource(strings = {".do/app.yaml", ".do/deploy.template.yaml"})
    void noSecretValueIsCommitted(String file) throws IOException {
        // A secret's value never lives in the repository: the operator sets it in App Platform.
        Map<String, Object> spec = load(file);
        Map<String, Object> service =
                map(list(map(spec.getOrDefault("spec", spec)).get("services")).get(0));
        for (Object env : list(service.get("envs"))) {
            if ("SECRET".equals(map(env).get("type"))) {
                assertThat(map(env)).as(String.valueOf(map(env).get("key"))).doesNotContainKey("value");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theCommentedMultiInstanceVariantIsAWholeSpecWithManagedValkeyBoundToRedisUrl() throws IOException {
        String text = Files.readString(Path.of(".do/app.yaml"));
        String variant = text.substring(text.indexOf("# --- Several instances"))
                .lines()
                .filter(l -> l.startsWith("# ") && !l.startsWith("# ---"))
                .map(l -> l.substring(2))
                .filter(l -> l.startsWith(" ") || l.matches("^[a-z_]+:.*"))
                .collect(java.util.stream.Collectors.joining("\n"));
        Map<String, Object> spec = new Yaml().load(variant);
        Map<String, Object> single = load(".do/app.yaml");
        assertThat(spec.get("name")).isEqualTo(single.get("name"));
        Map<String, Object> database = map(list(spec.get("databases")).get(0));
        assertThat(database).containsEntry("engine", "VALKEY").containsEntry("production", true);
        Map<String, Object> service = map(list(spec.get("services")).get(0));
        assertThat((Integer) service.get("instance_count")).isGreaterThanOrEqualTo(2);
        assertThat(service.get("instance_size_slug"))
                .as("the 512 MB size runs one instance only")
                .isNotEqualTo("apps-s-1vcpu-0.5gb");
        Map<String, Map<String, Object>> envs = new java.util.HashMap<>();
        list(service.get("envs")).forEach(e -> envs.put((String) map(e).get("key"), map(e)));
        assertThat(envs.get("REDIS_URL").get("value")).isEqualTo("${" + database.get("name") + ".DATABASE_URL}");
        assertThat(envs.get("MCP_TENANT_HASH_KEY").get("type"))
                .as("shared limits need one hash key")
                .isEqualTo("SECRET");
        Map<String, Object> singleService = map(list(single.get("services")).get(0));
        for (String same : List.of("github", "dockerfile_path", "http_port", "health_check", "routes")) {
            assertThat(service.get(same)).as(same).isEqualTo(singleService.get(same));
        }
    }

    private static String dockerfile() throws IOException {
        return Files.readString(Path.of("Dockerfile"));
    }

    private static Map<String, Object> load(String file) throws IOException {
        return new Yaml().load(Files.readString(Path.of(file)));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        assertThat(o).isInstanceOf(Map.class);
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        assertThat(o).isInstanceOf(List.class);
        return (List<Object>) o;
    }
}
