package com.agenthub.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list, with what a pager needs. */
public record PageSlice<T>(List<T> items, long total, int limit, int offset) {

    public boolean hasPrevious() {
        return offset > 0;
    }

    public boolean hasNext() {
        return offset + items.size() < total;
    }

    public int previousOffset() {
        return Math.max(0, offset - limit);
    }

    public int nextOffset() {
        return offset + limit;
    }

    public int firstShown() {
        return items.isEmpty() ? 0 : offset + 1;
    }

    public int lastShown() {
        return offset + items.size();
    }

    public <R> PageSlice<R> map(Function<T, R> mapper) {
        return new PageSlice<>(items.stream().map(mapper).toList(), total, limit, offset);
    }
}
