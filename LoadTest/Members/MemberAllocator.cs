using System.Diagnostics.CodeAnalysis;

namespace Enrolment.LoadTest.Members;

/// <summary>
/// Hands each virtual member a directory member nobody else in this run has used, walking the directory from
/// <c>start</c>. Members who cannot receive an SMS on file are kept aside for journeys that do not need it, so
/// that none is wasted.
/// </summary>
internal sealed class MemberAllocator(IMemberSource source, long start) : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<DirectoryMember> _aside = new();
    private readonly IEnumerator<DirectoryMember> _members = source.From(start).GetEnumerator();
    private long _nextStart = start;

    /// <summary>The first directory index past every member this run took or skipped: where the next run starts.</summary>
    public long NextStart
    {
        get
        {
            lock (_gate)
            {
                return _nextStart;
            }
        }
    }

    /// <summary>A fresh member, able to receive the SMS on file when <paramref name="needsMobile"/>; false once the directory is used up.</summary>
    public bool TryTake(bool needsMobile, [NotNullWhen(true)] out DirectoryMember? member)
    {
        lock (_gate)
        {
            if (!needsMobile && _aside.TryDequeue(out member))
            {
                return true;
            }

            while (_members.MoveNext())
            {
                member = _members.Current;
                _nextStart = member.Index + 1;
                if (!needsMobile || member.MobileIsTheirsAlone)
                {
                    return true;
                }

                _aside.Enqueue(member);
            }

            member = null;
            return false;
        }
    }

    public void Dispose() => _members.Dispose();
}
