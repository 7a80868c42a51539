package org.concepthash.search;

/**
 * Retrieval quality of one query set against one database (method-spec section 5), all values in
 * [0, 1].
 *
 * @param mapAll mean average precision over the whole ranked database (mAP@all)
 * @param precisionAt1 mean fraction of relevant items in the top 1
 * @param precisionAt5 mean fraction of relevant items in the top 5
 * @param precisionAt10 mean fraction of relevant items in the top 10
 * @param queries number of queries averaged over
 * @param databaseSize number of database items ranked per query
 */
public record RetrievalReport(
    double mapAll,
    double precisionAt1,
    double precisionAt5,
    double precisionAt10,
    int queries,
    int databaseSize) {}
