using System.IO.MemoryMappedFiles;

namespace NetDma.ConformanceKit.Isolation;

/// <summary>
/// The observation journal shared by the kit and one worker: a file the kit process creates in a temp folder it owns
/// (and deletes), mapped by both processes (<see cref="MemoryMappedFile"/> over the file, since named maps are not
/// supported on Unix). The worker appends each observation as one record and then publishes the journal's committed
/// length; the kit reads records only up to that length, so a record is either whole or absent. The pages of a shared
/// file mapping belong to the operating system, not to the process that wrote them: after the worker dies (FailFast,
/// a stack overflow, <c>Environment.Exit</c>, a kill on timeout) the kit still reads everything it committed.
/// </summary>
/// <remarks>
/// Layout: a header of <see cref="HeaderBytes"/> bytes (the committed length of the records, a 64-bit integer at
/// offset 0; the number of scripts and schedules started, a 64-bit integer at offset 8), then <see cref="Capacity"/> bytes of
/// records. Only one side writes the committed length at a time: the worker while it runs a script, the kit while the
/// worker waits for it to drain the journal (<see cref="WorkerProtocol.JournalFull"/>) or after the script's reply.
/// </remarks>
internal sealed class ObservationJournal : IDisposable
{
    /// <summary>Bytes before the first record.</summary>
    public const int HeaderBytes = 64;

    /// <summary>The smallest record area (a record of a few short strings must fit).</summary>
    public const int MinimumCapacity = 64;

    private const long CommittedOffset = 0;
    private const long StartsOffset = 8;

    private readonly MemoryMappedFile _map;
    private readonly MemoryMappedViewAccessor _view;
    private readonly DirectoryInfo? _folder;

    private ObservationJournal(string path, FileStream file, DirectoryInfo? folder)
    {
        Path = path;
        _folder = folder;
        Capacity = checked((int)(file.Length - HeaderBytes));
        _map = MemoryMappedFile.CreateFromFile(file, mapName: null, 0, MemoryMappedFileAccess.ReadWrite, HandleInheritability.None, leaveOpen: false);
        _view = _map.CreateViewAccessor(0, HeaderBytes + Capacity, MemoryMappedFileAccess.ReadWrite);
    }

    /// <summary>The journal's file, which the worker opens (<see cref="Open"/>).</summary>
    public string Path { get; }

    /// <summary>Bytes available for records.</summary>
    public int Capacity { get; }

    /// <summary>The committed length of the records in bytes: everything before it is whole records (an acquire read).</summary>
    public long Committed
    {
        get
        {
            var committed = _view.ReadInt64(CommittedOffset);
            // Acquire: the records' bytes are read after the length that covers them.
            Interlocked.MemoryBarrier();
            return committed;
        }
    }

    /// <summary>
    /// How many scripts and schedules the worker has started in this journal's life: the kit's watchdog reads it to
    /// give each its own period, without waiting for the records, which it reads only when it drains the journal.
    /// </summary>
    public long Starts
    {
        get
        {
            var started = _view.ReadInt64(StartsOffset);
            Interlocked.MemoryBarrier();
            return started;
        }
    }

    /// <summary>Creates an empty journal of <paramref name="capacity"/> record bytes in a new temp folder (the kit's side).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is below <see cref="MinimumCapacity"/>.</exception>
    public static ObservationJournal Create(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, MinimumCapacity);
        var folder = Directory.CreateTempSubdirectory("netdma-kit-");
        var path = System.IO.Path.Combine(folder.FullName, "observations.journal");
        FileStream? file = null;
        try
        {
            file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
            // A new file reads as zeros: committed length 0, no schedule started.
            file.SetLength(HeaderBytes + (long)capacity);
            return new ObservationJournal(path, file, folder);
        }
        catch
        {
            file?.Dispose();
            folder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Opens the journal the kit created (the worker's side).</summary>
    /// <exception cref="IOException">The file cannot be opened, or is too small to be a journal.</exception>
    public static ObservationJournal Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        if (file.Length < HeaderBytes + MinimumCapacity)
        {
            file.Dispose();
            throw new IOException($"'{path}' is not an observation journal ({file.Length} bytes)");
        }

        return new ObservationJournal(path, file, folder: null);
    }

    /// <summary>Publishes <paramref name="committed"/> as the records' length, after every byte written before it (a release write).</summary>
    public void Publish(long committed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(committed);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(committed, Capacity);
        // Release: the record's bytes are visible before the length that covers them.
        Interlocked.MemoryBarrier();
        _view.Write(CommittedOffset, committed);
    }

    /// <summary>Counts one more script or schedule started (published after its start record).</summary>
    public void CountStart()
    {
        var started = _view.ReadInt64(StartsOffset);
        Interlocked.MemoryBarrier();
        _view.Write(StartsOffset, started + 1);
    }

    /// <summary>Writes <paramref name="count"/> bytes of <paramref name="bytes"/> at <paramref name="position"/> of the record area (not yet committed).</summary>
    public void Write(long position, byte[] bytes, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position + count, Capacity);
        _view.WriteArray(HeaderBytes + position, bytes, 0, count);
    }

    /// <summary>Copies the first <paramref name="count"/> bytes of the record area into <paramref name="into"/>.</summary>
    public void Read(byte[] into, int count)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, Capacity);
        _view.ReadArray(HeaderBytes, into, 0, count);
    }

    /// <summary>Unmaps the journal; the kit's side also deletes its file and folder.</summary>
    public void Dispose()
    {
        _view.Dispose();
        _map.Dispose();
        if (_folder is null)
        {
            return;
        }

        try
        {
            _folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Windows keeps a file that a dying worker still maps; the temp folder's cleanup takes it later.
        }
    }
}
