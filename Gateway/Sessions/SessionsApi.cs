namespace Enrolment.Gateway.Sessions;

public static class SessionsApi
{
    public static IEndpointRouteBuilder MapSessionsApi(this IEndpointRouteBuilder routes) => routes;
}
