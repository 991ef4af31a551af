// One Chromium and one host at a time: two of each at once on a two-core machine only makes both slow.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
