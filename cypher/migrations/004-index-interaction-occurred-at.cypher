// Migration 004: range index on Interaction.occurredAt, for time-window reads and listing in time order.
CREATE RANGE INDEX interaction_occurred_at IF NOT EXISTS
FOR (i:Interaction) ON (i.occurredAt)
