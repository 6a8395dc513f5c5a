using System.Net.Http.Json;
using System.Text.Json;

namespace Enrolment.Browser.Tests.Infrastructure;

/// <summary>
/// Enrols a member through the HTTP API, as the wizard would, for tests whose subject starts after enrolment
/// (sign-in lockout, lost password).
/// </summary>
public static class JourneyApi
{
    public static async Task EnrolWithSmsAsync(this ProductStack stack, TestMember member, string password)
    {
        var phone = member.MobilePhone ?? throw new ArgumentException("This member has no phone on file.", nameof(member));
        var start = await SendAsync(stack, "api/enrolments", new
        {
            lastName = member.LastName,
            firstName = member.FirstName,
            birthDate = member.BirthDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            email = "membre@exemple.fr",
            emailConfirmation = "membre@exemple.fr",
            newsletter = false,
        });
        var id = start.GetProperty("enrolmentId").GetString();
        await SendAsync(stack, $"api/enrolments/{id}/identity-confirmation", new { });
        await SendAsync(stack, $"api/enrolments/{id}/phone-confirmation", new { isMine = true });
        var sent = await stack.CountSmsAsync(phone);
        await SendAsync(stack, $"api/enrolments/{id}/member-number", new { memberNumber = member.MemberNumber });
        var code = await stack.WaitForSmsCodeAsync(phone, sent);
        await SendAsync(stack, $"api/enrolments/{id}/code", new { code });
        var done = await SendAsync(stack, $"api/enrolments/{id}/password", new { password, passwordConfirmation = password });
        Assert.Equal("completed", done.GetProperty("step").GetString());
    }

    private static async Task<JsonElement> SendAsync(ProductStack stack, string path, object body)
    {
        using var response = await stack.Http.PostAsJsonAsync(new Uri(path, UriKind.Relative), body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
