# ChartScribe image: build with the Maven wrapper, run the extracted jar as a non-root user.
# Not built in this repository's CI (no container engine there); see README, "Production".
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY fhir-profiles/ fhir-profiles/
COPY smart-launch/ smart-launch/
RUN ./mvnw -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/chartscribe.jar extract --destination /build/extracted

FROM eclipse-temurin:17-jre
# curl for the health check only
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin chartscribe \
 && mkdir -p /data && chown chartscribe /data && chmod 700 /data
WORKDIR /app
COPY --from=build /build/extracted/ ./
USER chartscribe
ENV CHARTSCRIBE_DATA_DIR=/data \
    CHARTSCRIBE_MODE=server \
    MANAGEMENT_SERVER_PORT=9090 \
    MALLOC_ARENA_MAX=2
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:9090/actuator/health || exit 1
ENTRYPOINT ["java", "-Xmx384m", "-XX:ReservedCodeCacheSize=64m", "-XX:MaxMetaspaceSize=192m", "-jar", "chartscribe.jar"]
