package io.waybill.adapters.persistence;

import java.util.List;

/** Writes and commits one batch of a {@link GroupCommit} in one transaction; throws if it did not commit. */
@FunctionalInterface
interface BatchWriter<T> {

    void write(List<T> batch) throws Exception;
}
