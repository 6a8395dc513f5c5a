using Scalar.AspNetCore;

namespace Enrolment.Gateway.ApiDocs;

/// <summary><c>/openapi/v1.json</c> everywhere; the interactive reference at <c>/api-docs</c> in Development only.</summary>
public static class ApiDocsSetup
{
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api-docs";

    public static IServiceCollection AddApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Enrolment gateway";
                HealthPaths.AddTo(document);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<ProblemAnswers>();
            options.AddOperationTransformer<ExampleAnswers>();
        });

    public static WebApplication MapApiDocs(this WebApplication app)
    {
        app.MapOpenApi(DocumentPath);
        if (app.Environment.IsDevelopment())
        {
            app.MapScalarApiReference(ReferencePath, options => options.WithOpenApiRoutePattern(DocumentPath));
        }

        return app;
    }
}
