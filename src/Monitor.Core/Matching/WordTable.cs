using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
namespace NewsMonitor.Matching;

/// <summary>
/// An open-addressing hash set of words, looked up by span with a hash (<see cref="Hash"/>) the caller computes
/// once per word. Slots hold hash and key together, and a small Bloom filter in
/// front answers most misses without touching the table: most words of an item are in no topic.
/// </summary>
internal sealed class WordTable
{
    private readonly string[] _keys;
    private readonly (uint Hash, int Key)[] _slots; // Key: key index + 1; 0 = empty
    private readonly int _mask;
    private readonly ulong[] _bloom;
    private readonly int _bloomShift;

    /// <param name="keys">Distinct words.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per topic: a CLI start-up with 10,000 topics would run it unoptimised
    public WordTable(IReadOnlyList<string> keys)
    {
        _keys = keys.ToArray();
        var capacity = 16;
        while (capacity < keys.Count * 2) capacity *= 2;
        _slots = new (uint, int)[capacity];
        _mask = capacity - 1;
        var bloomBits = 1024;
        while (bloomBits < keys.Count * 16) bloomBits *= 2;
        _bloom = new ulong[bloomBits / 64];
        _bloomShift = 32 - System.Numerics.BitOperations.Log2((uint)_bloom.Length);
        for (var k = 0; k < _keys.Length; k++)
        {
            var hash = Hash(_keys[k]);
            var slot = Slot(hash);
            while (_slots[slot].Key != 0) slot = (slot + 1) & _mask;
            _slots[slot] = (hash, k + 1);
            _bloom[BloomWord(hash)] |= BloomBits(hash);
        }
    }

    public int Count => _keys.Length;

    /// <summary>
    /// A hash of a whole word, four characters (one 64-bit load) per step. The per-character FNV-1a this replaced
    /// was a multiply on every character in one dependency chain, the largest single cost of scanning an item.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<char> word)
    {
        var state = (ulong)word.Length * Seed;
        var bytes = MemoryMarshal.AsBytes(word);
        while (bytes.Length >= sizeof(ulong))
        {
            state = (state ^ MemoryMarshal.Read<ulong>(bytes)) * Multiplier;
            bytes = bytes[sizeof(ulong)..];
        }
        if (!bytes.IsEmpty) // one to three characters left
        {
            ulong tail = bytes.Length >= sizeof(uint) ? MemoryMarshal.Read<uint>(bytes) : MemoryMarshal.Read<ushort>(bytes);
            if (bytes.Length == 6) tail |= (ulong)MemoryMarshal.Read<ushort>(bytes[sizeof(uint)..]) << 32;
            state = (state ^ tail) * Multiplier;
        }
        // Fold the high bits, which the multiplications mixed best, into the low ones the table and filter use.
        state ^= state >> 29;
        state *= Finalizer;
        return (uint)(state >> 32);
    }

    private const ulong Seed = 0x9E3779B97F4A7C15;
    private const ulong Multiplier = 0xFF51AFD7ED558CCD;
    private const ulong Finalizer = 0xC4CEB9FE1A85EC53;

    /// <summary>The index of <paramref name="word"/> among the keys, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // hot: skip tier-0 JIT, which a short CLI run would spend most items in
    public int Find(ReadOnlySpan<char> word, uint hash)
    {
        var bits = BloomBits(hash);
        if ((_bloom[BloomWord(hash)] & bits) != bits) return -1;
        for (var slot = Slot(hash); ; slot = (slot + 1) & _mask)
        {
            var (slotHash, key) = _slots[slot];
            if (key == 0) return -1;
            if (slotHash == hash && word.SequenceEqual(_keys[key - 1])) return key - 1;
        }
    }

    /// <summary>Fibonacci hashing: the top bits of a multiplicative scramble pick the filter word.</summary>
    private uint BloomWord(uint hash) => (hash * 2654435769u) >> _bloomShift;

    /// <summary>
    /// Two bits per key in one 64-bit word (a blocked Bloom filter): one memory read per lookup, and about a
    /// quarter of the false positives of one bit per key, each of which costs a probe of the much larger table.
    /// </summary>
    private static ulong BloomBits(uint hash) => (1UL << (int)(hash & 63)) | (1UL << (int)((hash >> 6) & 63));

    private int Slot(uint hash) => (int)((hash ^ (hash >> 15)) & (uint)_mask);
}
