# The one WasmBench image: every role is the same executable (`wasmbench serve --roles ...`).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig WasmBench.sln ./
COPY src/ src/
RUN dotnet publish src/Silo/WasmBench.Silo.csproj -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
# gcc for the native engine (workloads are built per node at -O2); bubblewrap sandboxes every
# child (the container needs user namespaces, e.g. `security_opt: [seccomp=unconfined]`, or the
# documented WASMBENCH_UNSANDBOXED=1 opt-out; docs/security.md).
RUN apt-get update && apt-get install -y --no-install-recommends gcc libc6-dev bubblewrap && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
COPY suites/ /app/suites/
ENV WASMBENCH_SUITES=/app/suites
VOLUME /data
ENTRYPOINT ["dotnet", "/app/wasmbench.dll"]
CMD ["serve", "--urls", "http://0.0.0.0:5080", "--db", "/data/wasmbench.db"]
