using System.ComponentModel.DataAnnotations;

namespace Enrolment.Gateway.Http.Shapes;

/// <summary>A last or first name (<see cref="IdentityValidation.NameProblem"/>).</summary>
public sealed class PersonNameShapeAttribute : ShapeAttribute
{
    protected override string? Problem(string? value, ValidationContext context) => IdentityValidation.NameProblem(value);
}

/// <summary>A birth date between 1900 and yesterday by the gateway's clock (<see cref="IdentityValidation.BirthDateProblem"/>).</summary>
public sealed class BirthDateShapeAttribute : ShapeAttribute
{
    protected override string? Problem(string? value, ValidationContext context)
    {
        var clock = (TimeProvider)context.GetService(typeof(TimeProvider))!;
        return IdentityValidation.BirthDateProblem(value, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}

public sealed class EmailShapeAttribute : ShapeAttribute
{
    protected override string? Problem(string? value, ValidationContext context) => IdentityValidation.EmailProblem(value);
}

/// <summary>The same e-mail as <paramref name="email"/>, case and surrounding spaces aside.</summary>
public sealed class ConfirmsEmailAttribute(string email) : ShapeAttribute
{
    protected override string? Problem(string? value, ValidationContext context) =>
        IdentityValidation.ConfirmationProblem(Sibling(context, email), value);
}
