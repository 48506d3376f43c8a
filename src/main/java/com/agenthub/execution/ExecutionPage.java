package com.agenthub.execution;

import java.util.List;

/**
 * One page of the keyset-paged list: {@code next} leads to older runs (null on the last page), {@code previous} to
 * newer ones (null on the newest page).
 */
public record ExecutionPage(List<ExecutionView> items, ExecutionCursor next, ExecutionCursor previous) {
}
