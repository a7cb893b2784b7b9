# An image that migrates PostgreSQL databases with Nexgent's migrations and holds no .NET: a bundle (`dotnet fm
# bundle`: the tool and the migrations in one self-contained executable) on the runtime-deps image, which has only
# what a self-contained .NET program needs of the OS. Built from the repository's root:
#
#   docker build -f src/Nexgent.Schema.Cli/bundle.Dockerfile -t nexgent-migrate .
#   docker run --rm -e DATABASE_URL=postgresql://user:password@host:5432/db nexgent-migrate deploy
#
# Another team's image is the same, with the tool installed from its package (`dotnet tool restore`, then
# `dotnet fm bundle -o /out/migrate`) in place of the tool built from source here.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
# The tool, as its portable package holds it: the bundle compiles it ahead of time for the image's platform.
RUN dotnet publish src/Nexgent.Schema.Cli -c Release -p:PublishReadyToRun=false -o /tool
# In the checkout, `dotnet fm bundle` finds the migrations project through .config/dotnet-fm.json and builds it
# in Release; the bundle is for the platform this stage runs on, the same as the final image's.
RUN dotnet /tool/dotnet-fm.dll bundle -o /out/nexgent-migrate

FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
COPY --from=build /out/nexgent-migrate /usr/local/bin/nexgent-migrate
# The unprivileged user the .NET images define.
USER $APP_UID
ENTRYPOINT ["/usr/local/bin/nexgent-migrate"]
CMD ["--help"]
