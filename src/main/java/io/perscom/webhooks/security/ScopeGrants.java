package io.perscom.webhooks.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Gives a caller holding a broad scope (see {@link Scopes#GRANTS}) the permissions it stands for as roles. */
@ApplicationScoped
public class ScopeGrants implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> granted = new HashSet<>();
        for (Map.Entry<String, Set<String>> grant : Scopes.GRANTS.entrySet()) {
            if (identity.getRoles().contains(grant.getKey())) {
                granted.addAll(grant.getValue());
            }
        }
        granted.removeAll(identity.getRoles());
        if (granted.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity).addRoles(granted).build());
    }
}
