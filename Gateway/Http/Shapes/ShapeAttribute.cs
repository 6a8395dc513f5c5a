using System.ComponentModel.DataAnnotations;

namespace Enrolment.Gateway.Http.Shapes;

/// <summary>
/// A field's shape rule for the framework's validation (<c>AddValidation</c>), worded in French by the rule itself:
/// each field gets at most one message, the first problem found, as the wizard shows it.
/// </summary>
public abstract class ShapeAttribute : ValidationAttribute
{
    protected sealed override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        Problem(value as string, validationContext) is { } message ? new ValidationResult(message) : ValidationResult.Success;

    /// <summary>What is wrong with the value, or null when its shape is right.</summary>
    protected abstract string? Problem(string? value, ValidationContext context);

    /// <summary>Another field of the same body, for rules that compare two (a confirmation).</summary>
    protected static string? Sibling(ValidationContext context, string name) =>
        context.ObjectType.GetProperty(name)?.GetValue(context.ObjectInstance) as string;
}
