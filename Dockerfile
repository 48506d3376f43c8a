# Build: docker build -t agenthub .   (Docker cannot run on the project's build machines; see README)
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src src
COPY frontend-assets frontend-assets
RUN ./mvnw -B -q -DskipTests package

FROM eclipse-temurin:25-jre
RUN useradd --system --create-home agenthub
USER agenthub
WORKDIR /app
COPY --from=build /src/target/agenthub.jar /app/agenthub.jar
ENV AGENTHUB_HOME=/home/agenthub/.agenthub
EXPOSE 8080
# bash's /dev/tcp: the JRE image ships neither curl nor wget for certain
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /actuator/health HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q UP <&3"]
ENTRYPOINT ["java", "-jar", "/app/agenthub.jar"]
