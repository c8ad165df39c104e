package dev.drill.reconcile;

import net.dv8tion.jda.api.events.session.ReadyEvent;
import net.dv8tion.jda.api.events.session.SessionRecreateEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.springframework.stereotype.Component;

/**
 * Starts a catch-up after a fresh gateway session: at start-up, and when JDA had to identify anew. A
 * RESUME needs none: Discord replays the events the session missed.
 */
@Component
final class CatchUpTriggers extends ListenerAdapter {

    private final Reconciler reconciler;

    CatchUpTriggers(Reconciler reconciler) {
        this.reconciler = reconciler;
    }

    @Override
    public void onReady(ReadyEvent event) {
        reconciler.requestAll("fresh gateway session");
    }

    @Override
    public void onSessionRecreate(SessionRecreateEvent event) {
        reconciler.requestAll("new gateway session after a disconnect");
    }
}
