using Microsoft.AspNetCore.DataProtection;

namespace Enrolment.Gateway.Sessions;

/// <summary>
/// The opaque <c>firstLoginId</c> and <c>resetId</c>: made like the enrolment id (member number + grain-side id,
/// protected with the shared keys), each under its own purpose, registered as keyed services.
/// </summary>
public static class MemberScopedIds
{
    public const string FirstLogin = "first-login-id";
    public const string PasswordReset = "password-reset-id";

    public static IServiceCollection AddMemberScopedIds(this IServiceCollection services)
    {
        foreach (var purpose in new[] { FirstLogin, PasswordReset })
        {
            services.AddKeyedSingleton(purpose, (provider, _) => new OpaqueIds(provider.GetRequiredService<IDataProtectionProvider>(), purpose));
        }

        return services;
    }
}
