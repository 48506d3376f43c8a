package com.agenthub.execution;

import java.util.List;

/** One page of the keyset-paged list; {@code next} is null on the last page. */
public record ExecutionPage(List<ExecutionView> items, ExecutionCursor next) {
}
