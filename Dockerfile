# syntax=docker/dockerfile:1
# Odoo MCP Bridge: one container for App Platform (or any Docker host). Built from the repository
# alone: `docker build -t odoo-mcp-bridge .` then `docker run -p 8080:8080 odoo-mcp-bridge`.
# bench/footprint.sh and ContainerIT run the jar with the options below (they read this file).

# ---- build: the Maven wrapper, tests left to CI; Java 17 bytecode built by JDK 25 ----
FROM eclipse-temurin:25.0.3_9-jdk-noble AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN ./mvnw -B -DskipTests -DskipITs package \
    && java -Djarmode=tools -jar target/odoo-mcp-bridge.jar extract --destination /app

# ---- run: slim JRE 25, unpacked jar, AOT cache, non-root ----
FROM eclipse-temurin:25.0.3_9-jre-noble
WORKDIR /app
COPY --from=build /app /app
ENV PORT=8080 \
    LOG_FORMAT=ecs \
    MALLOC_ARENA_MAX=2
# JVM for a 512 MB / 1 vCPU instance: heap 50% of the container's memory, the serial collector
# (one core), small thread stacks and code cache, C1 only (quick warm-up, less memory), quit on
# OutOfMemoryError so the platform restarts us, and no Java deserialization anywhere.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=128m -XX:TieredStopAtLevel=1 -XX:+UseCompactObjectHeaders -Djdk.serialFilter=!*"
# AOT cache (JEP 483/514/515): a training run that starts Spring and exits once the context is
# refreshed records loaded and linked classes and method profiles into app.aot; every start then
# maps it. Same JVM, same options, same class path as the ENTRYPOINT below.
RUN java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar odoo-mcp-bridge.jar \
    && rm -f /app/*.log
USER 10001:10001
# The MCP Registry checks that an OCI image belongs to the server.json entry that names it.
LABEL io.modelcontextprotocol.server.name="io.github.odoo-mcp-bridge/odoo-mcp-bridge"
EXPOSE 8080
# The JRE image has neither curl nor wget; bash's /dev/tcp needs no extra package and no second JVM.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${PORT:-8080} && printf 'GET /health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"healthy\"' <&3"]
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "odoo-mcp-bridge.jar"]
