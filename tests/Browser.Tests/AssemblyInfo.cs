// Two cores, one silo and one gateway per collection: collections run one after the other.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
