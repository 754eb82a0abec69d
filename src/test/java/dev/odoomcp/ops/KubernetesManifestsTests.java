package dev.odoomcp.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.json.JsonMapper;

/**
 * The plain Kubernetes manifests under {@code ops/k8s} are valid API objects without a cluster:
 * each document is checked against the Kubernetes API's models generated from its OpenAPI schema
 * (the official Java client's {@code validateJsonElement}: unknown or misspelt fields and missing
 * required ones are refused) and parsed with its types. Then they must fit together and fit the
 * bridge: probes on the liveness and readiness groups, secrets only by reference, one selector.
 */
class KubernetesManifestsTests {

    private static final Path DIR = Path.of("ops/k8s");
    private static final String NAME = "odoo-mcp-bridge";

    private record Kind(String apiVersion, Class<?> model) {}

    private static final Map<String, Kind> KINDS = Map.of(
            "Deployment", new Kind("apps/v1", V1Deployment.class),
            "Service", new Kind("v1", V1Service.class),
            "HorizontalPodAutoscaler", new Kind("autoscaling/v2", V2HorizontalPodAutoscaler.class),
            "PodDisruptionBudget", new Kind("policy/v1", V1PodDisruptionBudget.class));

    @Test
    void everyManifestIsAValidKubernetesObjectAndEachKindIsThere() throws IOException {
        List<Object> objects = load();
        assertThat(objects.stream().map(Object::getClass))
                .containsExactlyInAnyOrder(
                        V1Deployment.class,
                        V1Service.class,
                        V2HorizontalPodAutoscaler.class,
                        V1PodDisruptionBudget.class);
    }

    @Test
    void theCheckerRefusesAMisspeltFieldAWrongTypeAndAMissingRequiredOne() {
        String deployment = "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"name\":\"x\"},"
                + "\"spec\":{\"selector\":{},\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\","
                + "%s}]}}}}";
        assertThat(check("Deployment", deployment.formatted("\"readinessProbe\":{\"periodSeconds\":5}")))
                .isInstanceOf(V1Deployment.class);
        assertThatThrownBy(() -> check("Deployment", deployment.formatted("\"readinesProbe\":{}")))
                .hasMessageContaining("readinesProbe");
        assertThatThrownBy(() -> check(
                        "Deployment", deployment.formatted("\"readinessProbe\":{\"periodSeconds\":" + "\"often\"}")))
                .isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> check(
                        "Deployment",
                        deployment.formatted("\"readinessProbe\":{}").replace("\"name\":\"c\",", "")))
                .hasMessageContaining("name");
        assertThatThrownBy(() -> check("Deployment", "{\"apiVersion\":\"apps/v1beta1\",\"kind\":\"Deployment\"}"))
                .hasMessageContaining("apps/v1");
    }

    @Test
    void theManifestsFitTogetherAndFitTheBridge() throws IOException {
        List<Object> objects = load();
        V1Deployment deployment = one(objects, V1Deployment.class);
        Map<String, String> labels =
                deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(deployment.getSpec().getSelector().getMatchLabels()).isEqualTo(labels);
        assertThat(one(objects, V1Service.class).getSpec().getSelector()).isEqualTo(labels);
        assertThat(one(objects, V1PodDisruptionBudget.class)
                        .getSpec()
                        .getSelector()
                        .getMatchLabels())
                .isEqualTo(labels);
        V2HorizontalPodAutoscaler hpa = one(objects, V2HorizontalPodAutoscaler.class);
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName())
                .isEqualTo(deployment.getMetadata().getName());
        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);

        V1Container bridge =
                deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(bridge.getPorts().get(0).getContainerPort()).isEqualTo(8080);
        assertThat(bridge.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(bridge.getStartupProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/liveness");
        assertThat(bridge.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
        for (String secret : List.of("MCP_ACCESS_TOKEN", "MCP_TENANT_HASH_KEY", "REDIS_URL")) {
            V1EnvVar env = bridge.getEnv().stream()
                    .filter(e -> e.getName().equals(secret))
                    .findFirst()
                    .orElseThrow();
            assertThat(env.getValue())
                    .as(secret + " is never written in the manifest")
                    .isNull();
            assertThat(env.getValueFrom().getSecretKeyRef().getName()).isEqualTo(NAME);
            assertThat(env.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(secret);
        }
        assertThat(deployment
                        .getSpec()
                        .getTemplate()
                        .getSpec()
                        .getSecurityContext()
                        .getRunAsNonRoot())
                .isTrue();
        assertThat(Files.readString(Path.of("Dockerfile")))
                .contains("EXPOSE 8080")
                .containsPattern("USER \\d+");
    }

    private static List<Object> load() throws IOException {
        List<Object> objects = new ArrayList<>();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    if (document != null) {
                        Map<?, ?> map = (Map<?, ?>) document;
                        try {
                            objects.add(check((String) map.get("kind"), json.writeValueAsString(map)));
                        } catch (RuntimeException e) {
                            throw new AssertionError(file + ": " + e.getMessage(), e);
                        }
                    }
                }
            }
        }
        return objects;
    }

    /** Validates one object against its Kubernetes model and returns it parsed. */
    private static Object check(String kind, String text) {
        Kind expected = KINDS.get(kind);
        if (expected == null) {
            throw new IllegalArgumentException("unexpected kind " + kind + "; expected one of " + KINDS.keySet());
        }
        JsonElement element = JsonParser.parseString(text);
        String apiVersion = element.getAsJsonObject().get("apiVersion").getAsString();
        if (!expected.apiVersion().equals(apiVersion)) {
            throw new IllegalArgumentException(kind + " must be " + expected.apiVersion() + ", was " + apiVersion);
        }
        try {
            expected.model().getMethod("validateJsonElement", JsonElement.class).invoke(null, element);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return JSON.getGson().fromJson(element, expected.model());
    }

    private static <T> T one(List<Object> objects, Class<T> type) {
        return objects.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow();
    }
}
