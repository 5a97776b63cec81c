using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ClaimTrace.Web;

/// <summary>
/// Builds the web application behind <c>claimtrace serve</c>: the safety rules (loopback unless a token guards
/// every request, security headers, problem details instead of stack traces), the shared <see cref="WebCorpus"/>,
/// and the routes.
/// </summary>
public static class WebHost
{
    /// <summary>
    /// Body size for every request but an upload, which sets its own limit (<see cref="WebOptions.MaxUploadBytes"/>):
    /// nothing else takes a body, so a large one is a mistake or an attack.
    /// </summary>
    private const long MaxOtherBodyBytes = 64 * 1024;

    /// <summary>Throws <see cref="WebOptionsException"/> when the options cannot work (see <see cref="WebOptions.Validate"/>).</summary>
    public static WebApplication Build(WebOptions options, string[]? args = null) => Build(options, args, configure: null);

    /// <param name="configure">changes to the builder before the app is built; tests use it to run on the in-memory test server</param>
    public static WebApplication Build(WebOptions options, string[]? args, Action<WebApplicationBuilder>? configure)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args ?? [],
            // Never Development: that would show the developer exception page, stack traces and all.
            EnvironmentName = Environments.Production,
            ApplicationName = typeof(WebHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxOtherBodyBytes;
        });
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new WebCorpus(options.Database));
        builder.Services.AddSingleton<IngestJobs>();

        // A parameter that cannot be read ("offset=abc") is thrown rather than answered with an empty 400, so the problem
        // document can say which parameter and what value; the framework's message names nothing else.
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            if (context.Exception is BadHttpRequestException bad)
            {
                context.ProblemDetails.Status = bad.StatusCode;
                context.ProblemDetails.Title = "Invalid request";
                context.ProblemDetails.Detail = bad.Message;
            }
        });
        builder.Services.AddOpenApi(OpenApiDocument.Configure);
        builder.Services.Configure<JsonOptions>(json => Configure(json.SerializerOptions));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A client's mistake is not the server's error: no error log entry for it.
            SuppressDiagnosticsCallback = context => context.Exception is BadHttpRequestException,
            StatusCodeSelector = error => error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseStatusCodePages();
        app.UseMiddleware<SecurityHeaders>();
        if (options.AccessToken is not null)
            app.UseMiddleware<AccessTokenGate>();
        else
            app.UseMiddleware<LoopbackHosts>();
        app.MapOpenApi();
        app.MapJsonApi();
        app.MapHtmlPages();
        return app;
    }

    /// <summary>The API's JSON: snake_case names and enum values, as the CLI's JSON output writes them.</summary>
    internal static void Configure(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
    }
}
