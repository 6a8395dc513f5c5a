namespace Enrolment.Gateway.Dev;

public static class DevApi
{
    public static IEndpointRouteBuilder MapDevApi(this IEndpointRouteBuilder routes) => routes;
}
