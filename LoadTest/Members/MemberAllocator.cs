using System.Diagnostics.CodeAnalysis;

namespace Enrolment.LoadTest.Members;

/// <summary>
/// Hands each virtual member a directory member nobody else in this run has used, walking the directory from
/// <c>start</c>. Members who cannot receive an SMS on file are kept aside for journeys that do not need it, so
/// that none is wasted. The directory is walked up to <c>start</c> when the allocator is made, before the load:
/// the walk re-generates every member before that point, seconds of CPU deep into a large directory.
/// </summary>
internal sealed class MemberAllocator : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Queue<DirectoryMember> _aside = new();
    private readonly IEnumerator<DirectoryMember> _members;
    private DirectoryMember? _first;
    private long _nextStart;

    public MemberAllocator(IMemberSource source, long start)
    {
        _members = source.From(start).GetEnumerator();
        _nextStart = start;
        _first = _members.MoveNext() ? _members.Current : null;
    }

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

            while (Next() is { } next)
            {
                member = next;
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

    private DirectoryMember? Next()
    {
        if (_first is { } first)
        {
            _first = null;
            return first;
        }

        return _members.MoveNext() ? _members.Current : null;
    }

    public void Dispose() => _members.Dispose();
}
