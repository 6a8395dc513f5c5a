using System.Text;

namespace Enrolment.Grains.Interfaces.Enrolments;

/// <summary>
/// The steps of a journey and of a lost-password request as the HTTP API spells them: the name in kebab case,
/// <c>ConfirmIdentity</c> → "confirm-identity", <c>EnterCode</c> → "enter-code".
/// </summary>
public static class StepNames
{
    public static string Of<TStep>(TStep step)
        where TStep : struct, Enum
    {
        if (!Enum.IsDefined(step))
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }

        var name = step.ToString();
        var kebab = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsUpper(c) && kebab.Length > 0)
            {
                kebab.Append('-');
            }

            kebab.Append(char.ToLowerInvariant(c));
        }

        return kebab.ToString();
    }
}
