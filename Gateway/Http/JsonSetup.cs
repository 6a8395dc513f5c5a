using System.Text.Json;
using System.Text.Json.Serialization;

namespace Enrolment.Gateway.Http;

public static class JsonSetup
{
    /// <summary>
    /// camelCase in and out, enums as kebab-case strings, and strict reading: a number where a string is expected,
    /// a string where a number is expected, an unknown or repeated member is a 400, never a guess.
    /// </summary>
    public static IServiceCollection AddGatewayJson(this IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(options =>
        {
            var json = options.SerializerOptions;
            json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            json.NumberHandling = JsonNumberHandling.Strict;
            json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.AllowDuplicateProperties = false;
            json.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            json.MaxDepth = 16;
            json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        });
}
