# ConceptHash Catalog: build with Maven, run on a JRE.
#   docker build -t concepthash .
#   docker run -p 8080:8080 -v concepthash-data:/data concepthash
# GPU hosts (untested on a GPU): build with --build-arg MAVEN_PROFILES=cuda (DJL cu124 natives and the ONNX Runtime GPU
# jar instead of the CPU ones) and run with --gpus all on a base that provides CUDA 12 and cuDNN 9
# (set RUNTIME_IMAGE, e.g. an nvidia/cuda 12.4 cudnn runtime image with a Java 17 JRE installed).
# Not built here: the development machines have no Docker engine.

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MAVEN_PROFILES=
# the Vaadin production build uses the machine's Node.js
RUN apt-get update -qq && apt-get install -y -qq nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline ${MAVEN_PROFILES:+-P$MAVEN_PROFILES} || true
COPY src src
COPY db db
COPY frontend frontend
COPY training training
RUN mvn -B -q package -DskipTests ${MAVEN_PROFILES:+-P$MAVEN_PROFILES}

ARG RUNTIME_IMAGE=eclipse-temurin:17-jre
FROM ${RUNTIME_IMAGE}
# run as an unprivileged user that owns only the data volume
RUN useradd --system --create-home --home-dir /home/concepthash concepthash \
    && mkdir -p /data && chown concepthash /data
USER concepthash
COPY --from=build /src/target/concepthash.jar /opt/concepthash/concepthash.jar
# GLIBC_TUNABLES keeps freed memory in the heap: libtorch allocates large temporaries in every training
# step, and on virtual machines where page faults are expensive returning them to the kernel costs
# about a quarter of the step (docs/benchmarks.md, "Training" and "Encoding")
ENV CONCEPTHASH_HOME=/data \
    DJL_OFFLINE=true \
    DJL_CACHE_DIR=/data/djl-cache \
    GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=68719476736
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["java", "-Dai.djl.offline=true", "-jar", "/opt/concepthash/concepthash.jar"]
CMD ["serve", "--port", "8080"]
