package io.hookline.ejb.audit;

import io.hookline.api.view.AuditView;
import io.hookline.ejb.common.Ids;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One audit log entry: written once, in the transaction of the change it records, never updated. */
@Entity
@Table(name = "audits")
@NamedQuery(name = Audit.NEWEST_FIRST, query = "SELECT a FROM Audit a ORDER BY a.createAt DESC, a.id DESC")
public class Audit {

    static final String NEWEST_FIRST = "Audit.newestFirst";

    /** Column widths (V5): longer values are cut rather than failing the change they record. */
    static final int MAX_ACTION = 64;

    static final int MAX_TARGET = 64;
    static final int MAX_IP_ADDRESS = 64;

    @Id
    private String id;

    @Column(name = "create_at")
    private long createAt;

    @Column(name = "user_id")
    private String userId;

    private String action;
    private String target;
    private String details;

    @Column(name = "ip_address")
    private String ipAddress;

    protected Audit() {}

    Audit(String userId, String action, String target, String details, String ipAddress, long now) {
        this.id = Ids.newId();
        this.createAt = now;
        this.userId = userId;
        this.action = AuditDetails.cut(action, MAX_ACTION);
        this.target = AuditDetails.cut(target, MAX_TARGET);
        this.details = AuditDetails.cut(details, AuditDetails.MAX_LENGTH);
        this.ipAddress = AuditDetails.cut(ipAddress, MAX_IP_ADDRESS);
    }

    /** Mattermost's {@code extra_info}: the target, then what changed. */
    String extraInfo() {
        return details.isEmpty() ? target : target + ": " + details;
    }

    AuditView view() {
        return new AuditView(id, createAt, userId, action, extraInfo(), ipAddress);
    }
}
