using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.Extensions.Validation;

namespace Enrolment.Gateway.Http.Shapes;

/// <summary>The body as a whole must be a JSON object: left out or <c>null</c>, it is answered with <c>body</c>, not field by field.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class BodyRequiredAttribute : Attribute;

/// <summary>
/// The framework validates a body only when there is one. A body left out or sent as JSON <c>null</c> is answered
/// here, through the same validation, as <c>{}</c> would be: each missing field named with its message.
/// </summary>
public static class NullBodies
{
    public static TBuilder AnswerNullBodiesAsEmpty<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((factory, next) =>
        {
            var body = factory.MethodInfo.GetParameters()
                .Select((parameter, index) => (parameter, index))
                .FirstOrDefault(p => p.parameter.GetCustomAttribute<FromBodyAttribute>() is not null);
            if (body.parameter is null)
            {
                return next;
            }

            var type = body.parameter.ParameterType;
            return async context => context.Arguments[body.index] is null
                ? await AnswerAsync(context, type) ?? await next(context)
                : await next(context);
        });

    // The resolver the framework validates bodies with is marked for evaluation (ASP0029) in .NET 10; using it keeps
    // one set of rules rather than a second, hand-written pass for empty bodies.
#pragma warning disable ASP0029
    private static async Task<object?> AnswerAsync(EndpointFilterInvocationContext context, Type type)
    {
        if (type.GetCustomAttribute<BodyRequiredAttribute>() is not null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["Le corps de la requête doit être un objet JSON."] });
        }

        var services = context.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<ValidationOptions>>().Value;
        if (!options.TryGetValidatableTypeInfo(type, out var info))
        {
            return null;
        }

        var constructor = type.GetConstructors().Single();
        var empty = constructor.Invoke(new object?[constructor.GetParameters().Length]);
        var validation = new ValidateContext { ValidationOptions = options, ValidationContext = new ValidationContext(empty, services, null) };
        await info.ValidateAsync(empty, validation, context.HttpContext.RequestAborted);
        return validation.ValidationErrors is { Count: > 0 } errors ? Problems.Validation(ProblemSetup.CamelCaseKeys(errors)) : null;
    }
#pragma warning restore ASP0029
}
