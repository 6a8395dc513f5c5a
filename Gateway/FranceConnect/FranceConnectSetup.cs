namespace Enrolment.Gateway.FranceConnect;

public static class FranceConnectSetup
{
    public static WebApplicationBuilder AddFranceConnect(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<FranceConnectOptions>().BindConfiguration(FranceConnectOptions.Section);
        builder.Services.AddHttpClient(ProviderMetadata.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddSingleton<ProviderMetadata>();
        builder.Services.AddSingleton<FranceConnectClient>();
        builder.Services.AddSingleton<FranceConnectCookies>();
        return builder;
    }

    /// <summary>Maps the routes only when an authority is set: otherwise each of them answers 404.</summary>
    public static WebApplication MapFranceConnect(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<FranceConnectOptions>>().Value.IsEnabled)
        {
            app.MapFranceConnectApi();
        }

        return app;
    }
}
