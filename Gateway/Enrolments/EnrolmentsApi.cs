namespace Enrolment.Gateway.Enrolments;

public static class EnrolmentsApi
{
    public static IEndpointRouteBuilder MapEnrolmentsApi(this IEndpointRouteBuilder routes) => routes;
}
