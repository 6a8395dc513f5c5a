namespace Enrolment.Gateway.FranceConnect;

/// <summary>A return from the provider the gateway does not trust; <see cref="Exception.Message"/> says which check failed, never who.</summary>
public sealed class FranceConnectRefusedException(string check) : Exception(check);
