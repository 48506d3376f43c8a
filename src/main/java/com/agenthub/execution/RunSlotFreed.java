package com.agenthub.execution;

import java.util.UUID;

/** A run's job ended, so its organization has a slot free for the next queued run. */
record RunSlotFreed(UUID orgId) {
}
