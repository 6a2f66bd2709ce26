namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The worker's end of the <see cref="ObservationJournal"/>: appends one record at a time and publishes it, so a worker
/// that dies the next instant has lost nothing it observed. When a record does not fit, the worker asks the kit to
/// drain the journal (<see cref="WorkerProtocol.JournalFull"/>), which returns once the kit has consumed every record
/// and emptied the journal; a record larger than the whole journal travels in that request itself. Memory stays bounded
/// however long the script or however many schedules it runs.
/// </summary>
/// <remarks>
/// Thread-safe: a provider may call into the kit from threads of its own; records are appended one at a time, in the
/// order their <see cref="Start"/> calls took the writer. The write position is the journal's committed length, read
/// again for every record: only the kit changes it otherwise, and only while this writer waits for it.
/// </remarks>
/// <param name="journal">The journal the kit created for this worker.</param>
/// <param name="drain">
/// Asks the kit to drain the journal and waits for its answer; the argument is a record too long for the journal (the
/// kit applies it after the journal's records), or null.
/// </param>
internal sealed class WorkerJournalWriter(ObservationJournal journal, Action<byte[]?> drain)
{
    private readonly Lock _gate = new();
    private readonly JournalEncoder _record = new();

    /// <summary>Takes the writer and starts a record of <paramref name="kind"/>; the caller writes its body, then calls <see cref="Append"/>.</summary>
    public JournalEncoder Start(ObservationKind kind)
    {
        _gate.Enter();
        _record.Start(kind);
        return _record;
    }

    /// <summary>Appends the record begun by <see cref="Start"/> and publishes it, then releases the writer.</summary>
    public void Append()
    {
        try
        {
            _record.Finish();
            var length = _record.Length;
            var committed = journal.Committed;
            if (committed + length > journal.Capacity)
            {
                var oversized = length > journal.Capacity ? _record.ToArray() : null;
                drain(oversized);
                if (oversized is not null)
                {
                    return;
                }

                committed = journal.Committed;
            }

            journal.Write(committed, _record.Buffer, length);
            journal.Publish(committed + length);
        }
        finally
        {
            _gate.Exit();
        }
    }

    /// <summary>Counts a script or schedule started in the journal's header (after its start record), for the kit's watchdog.</summary>
    public void CountStart() => journal.CountStart();
}
