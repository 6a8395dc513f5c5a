using Enrolment.Gateway.Dev;
using Enrolment.Gateway.FranceConnect;
using Enrolment.Gateway.Health;
using Enrolment.Gateway.Help;
using Enrolment.Gateway.Hosting;
using Enrolment.Gateway.PasswordResets;
using Enrolment.Gateway.Support;

var builder = WebApplication.CreateBuilder(args);

// The default address lives here, not in appsettings.json, where it would win over ASPNETCORE_URLS.
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

builder.AddGatewayLogging();
builder.AddGatewayTelemetry();
builder.AddEnrolmentClusterClient();
builder.AddGatewayHttp();
builder.Services.AddEnrolmentsApi();
builder.AddAccountSessions();
builder.Services.AddApiDocs();
builder.AddFranceConnect();

var app = builder.Build();
if (UnsafeSettings.Refusal(app.Configuration, app.Environment) is { } refusal)
{
    Console.Error.WriteLine($"The gateway cannot start: {refusal}");
    Environment.ExitCode = UnsafeSettings.ExitCode;
    return;
}

app.UseGatewayHttp();
app.MapApiDocs();
app.MapHealthApi();
app.MapEnrolmentsApi();
app.MapSessionsApi();
app.MapPasswordResetsApi();
app.MapHelpApi();
app.MapSupportApi(app.Configuration);
app.MapFranceConnect();
if (app.Environment.IsDevelopment())
{
    app.MapDevApi();
}

app.Run();

/// <summary>The gateway's entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
