package io.hookline.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;

/** The one deployment every integration test uses: the EAR the build produced, as an admin would deploy it. */
public final class Deployments {

    private Deployments() {}

    public static EnterpriseArchive builtEar() {
        File ear = new File(System.getProperty("hookline.ear", "target/hookline.ear"));
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, ear);
    }
}
