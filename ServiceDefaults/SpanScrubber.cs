using System.Diagnostics;
using OpenTelemetry;

namespace Enrolment.ServiceDefaults;

/// <summary>
/// Keeps only span attributes known to hold no personal data. The rest goes: raw URL paths (journey ids), client
/// addresses, and Orleans' grain and activation ids (a grain's key is a member number). Exception messages go too,
/// since a message may quote what the member typed; the exception's type stays.
/// </summary>
public sealed class SpanScrubber : BaseProcessor<Activity>
{
    private static readonly HashSet<string> Kept =
    [
        "http.request.method", "http.request.method_original", "http.route", "http.response.status_code",
        "url.scheme", "server.address", "server.port", "network.protocol.name", "network.protocol.version",
        "error.type", "exception.type",
        "rpc.system", "rpc.system.name", "rpc.service", "rpc.method", "orleans.rpc.service", "orleans.grain.type",
        "orleans.activation.cause", "orleans.deactivation.reason",
        "orleans.storage.provider", "orleans.storage.state.name", "orleans.storage.state.type",
        "db.system", "db.system.name", "db.namespace", "db.name", "db.operation.name", "db.statement", "db.query.text",
    ];

    public override void OnEnd(Activity data)
    {
        foreach (var key in data.TagObjects.Select(tag => tag.Key).Where(key => !Kept.Contains(key)).ToList())
        {
            data.SetTag(key, null);
        }

        if (data.Status == ActivityStatusCode.Error)
        {
            data.SetStatus(ActivityStatusCode.Error); // without its description: an exception's message
        }
    }
}
