/** Activities (to-dos, calls, meetings) on records: schedule_activity, list_activities, complete_activity. */
@NullMarked
package dev.odoomcp.tools.activities;

import org.jspecify.annotations.NullMarked;
