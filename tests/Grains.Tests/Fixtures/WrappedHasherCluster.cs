using Enrolment.Grains.Passwords;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Enrolment.Grains.Tests.Fixtures;

/// <summary>A test cluster whose silo hashes through <typeparamref name="THasher"/>, a test's wrapper of the real hasher.</summary>
public abstract class WrappedHasherCluster<THasher> : ClusterFixture
    where THasher : IPasswordHasher
{
    public THasher Hasher { get; private set; } = default!;

    protected abstract THasher Wrap(IPasswordHasher real);

    protected override void ConfigureSilo(IServiceCollection services) =>
        services.Replace(ServiceDescriptor.Singleton<IPasswordHasher>(provider =>
            Hasher = Wrap(new Argon2PasswordHasher(provider.GetRequiredService<IOptions<PasswordHashingOptions>>()))));
}
