namespace Enrolment.Gateway.ApiDocs;

/// <summary>The problem <c>code</c>s a route can answer, beyond those every route of its kind can.</summary>
public sealed record ProblemCodesMetadata(IReadOnlyList<string> Codes);

/// <summary>
/// One request the document shows with the answer it gets: path values, body and answer are serialised as the
/// gateway writes JSON. The contract test replays every example against a running gateway.
/// </summary>
public sealed record ApiExample(
    string Name, int Status, object? Answer, object? Body = null, IReadOnlyDictionary<string, string>? PathValues = null);

public static class ApiDocsConventions
{
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params string[] codes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ProblemCodesMetadata(codes));

    public static TBuilder Example<TBuilder>(this TBuilder builder, ApiExample example)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(example);
}
