# mpcanvas serve as a container: a release build in the Rust image, then the
# stripped binary alone (its fonts are bundled) in a slim Debian, run as an
# unprivileged user.
#
#   docker build -t mpcanvas .
#   docker run --rm -p 8080:8080 mpcanvas
#
# The service keeps no state between requests; run as many containers as
# needed behind a load balancer (deploy/nginx.conf, deploy/kubernetes.yaml).
FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN CARGO_INCREMENTAL=0 cargo build --release --locked -p mpcanvas-cli \
 && cp target/release/mpcanvas /mpcanvas

FROM debian:bookworm-slim
RUN useradd --system --uid 10001 --home-dir /nonexistent --shell /usr/sbin/nologin mpcanvas
COPY --from=build /mpcanvas /usr/local/bin/mpcanvas
USER 10001
EXPOSE 8080
# Each job's folder is made under TMPDIR and removed when the job ends.
ENV TMPDIR=/tmp
HEALTHCHECK --interval=10s --timeout=2s CMD ["/usr/local/bin/mpcanvas", "--version"]
ENTRYPOINT ["/usr/local/bin/mpcanvas", "serve", "--listen", "0.0.0.0:8080", "--no-system-fonts"]
