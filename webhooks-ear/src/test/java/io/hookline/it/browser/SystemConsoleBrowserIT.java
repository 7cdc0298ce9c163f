package io.hookline.it.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hookline.it.ApiFixtures;
import io.hookline.it.Deployments;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * System Console → Teams, Channels, Users in Chromium, as a system admin: each test builds on the
 * previous one (one team, its channels, one user), and the last checks that a plain user is turned away.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SystemConsoleBrowserIT extends BrowserTestBase {

    private static final String TEAMS = "/console/system/teams.xhtml";
    private static final String CHANNELS = "/console/system/channels.xhtml";
    private static final String USERS = "/console/system/users.xhtml";
    private static final String SETTINGS = "/console/system/settings.xhtml";

    private static final String TEAM = ApiFixtures.unique("sys");
    private static final String TEAM_DISPLAY = "System " + TEAM;
    private static final String PUBLIC = "pub-" + ApiFixtures.suffix();
    private static final String GROUP = "grp-" + ApiFixtures.suffix();
    private static final String USER = ApiFixtures.unique("u");
    private static final String OTHER = ApiFixtures.unique("o");
    private static final String PASSWORD = "Start-pass-1";
    private static final String NEW_PASSWORD = "Reset-pass-2";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.builtEar();
    }

    @Test
    @Order(1)
    void aSystemAdminCreatesATeamAndBadNamesAreRefused() {
        ConsoleUsers.signInAsAdmin(browser);
        browser.open(TEAMS).waitForPage();
        assertEquals(TEAMS, browser.path());

        browser.type("#createTeam\\:name", "Bad Name!")
                .type("#createTeam\\:displayName", "Bad")
                .clickAndWait("#createTeam\\:create");
        assertTrue(
                browser.text("#createTeam").contains("2 to 64 characters: lowercase letters, digits and '-'"),
                browser.pageText());
        browser.type("#createTeam\\:name", "")
                .type("#createTeam\\:displayName", "")
                .clickAndWait("#createTeam\\:create");
        assertTrue(browser.pageText().contains("Choose a team name."), browser.pageText());
        assertTrue(browser.pageText().contains("Enter a display name."), browser.pageText());
        assertFalse(browser.text("#teams").contains("bad"), "nothing created");

        browser.type("#createTeam\\:name", TEAM)
                .type("#createTeam\\:displayName", TEAM_DISPLAY)
                .click("label[for='createTeam:type:1']")
                .clickAndWait("#createTeam\\:create");
        assertMessage("Team '" + TEAM + "' created.");
        assertTrue(browser.text("#teams").contains(TEAM_DISPLAY), browser.text("#teams"));
        assertTrue(rowText("#teams", TEAM_DISPLAY).contains("Invite only"), rowText("#teams", TEAM_DISPLAY));
        assertTrue(browser.text("#teams").contains("main"), "the first start's team is listed too");

        browser.type("#createTeam\\:name", TEAM)
                .type("#createTeam\\:displayName", "Again")
                .clickAndWait("#createTeam\\:create");
        assertMessage("A team with that name already exists.");
        assertNoConsoleErrors();
    }

    @Test
    @Order(2)
    void channelsAreCreatedArchivedAndRestored() {
        browser.open(CHANNELS).waitForPage();
        assertTrue(browser.has("#pickHint"), "no team yet: the page asks for one");
        // The team menu opens the page for the picked team.
        browser.click("#pick\\:team");
        browser.click("#pick\\:team_items li[data-label='" + TEAM_DISPLAY + " (" + TEAM + ")']");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().endsWith("?team=" + TEAM));
        browser.waitForPage();
        assertTrue(browser.text("#channels").contains("Town Square"), browser.pageText());

        browser.type("#createChannel\\:name", "Not ok")
                .type("#createChannel\\:displayName", "x")
                .clickAndWait("#createChannel\\:create");
        assertTrue(
                browser.pageText().contains("1 to 64 characters: lowercase letters, digits, '-' and '_'"),
                browser.pageText());

        browser.type("#createChannel\\:name", PUBLIC)
                .type("#createChannel\\:displayName", "Public " + PUBLIC)
                .type("#createChannel\\:purpose", "Build results")
                .clickAndWait("#createChannel\\:create");
        assertMessage("Public channel '" + PUBLIC + "' created.");
        browser.click("label[for='createChannel:type:1']")
                .type("#createChannel\\:name", GROUP)
                .type("#createChannel\\:displayName", "Group " + GROUP)
                .clickAndWait("#createChannel\\:create");
        assertMessage("Private group '" + GROUP + "' created.");
        assertTrue(rowText("#channels", "~" + PUBLIC).contains("Public channel"), browser.text("#channels"));
        assertTrue(rowText("#channels", "~" + PUBLIC).contains("Build results"), browser.text("#channels"));
        assertTrue(rowText("#channels", "~" + GROUP).contains("Private group"), browser.text("#channels"));

        // Archiving asks first; cancelling changes nothing.
        browser.click("button[title='Archive ~" + PUBLIC + "']");
        waitForConfirmation();
        browser.click("#confirm\\:no");
        waitForConfirmationClosed();
        assertTrue(rowText("#channels", "~" + PUBLIC).contains("Active"));

        browser.click("button[title='Archive ~" + PUBLIC + "']");
        confirm();
        assertMessage("Public channel '" + PUBLIC + "' archived.");
        assertTrue(rowText("#channels", "~" + PUBLIC).contains("Archived"), rowText("#channels", "~" + PUBLIC));
        assertTrue(browser.driver().getCurrentUrl().endsWith("?team=" + TEAM), "the form kept the team in the URL");
        browser.clickAndWait("button[title='Restore ~" + PUBLIC + "']");
        assertMessage("Public channel '" + PUBLIC + "' restored.");
        assertTrue(rowText("#channels", "~" + PUBLIC).contains("Active"), rowText("#channels", "~" + PUBLIC));

        // town-square stays, as in Mattermost: no Archive button for it.
        assertTrue(rowText("#channels", "~town-square").contains("Active"));
        assertFalse(browser.has("button[title='Archive ~town-square']"), "the default channel is never archived");
        assertNoConsoleErrors();
    }

    @Test
    @Order(3)
    void aSystemAdminCreatesAUserAndBadUsernamesAreRefused() {
        browser.open(USERS).waitForPage();
        browser.type("#createUser\\:username", "1-bad name")
                .type("#createUser\\:email", "bad")
                .type("#createUser\\:password", "short")
                .clickAndWait("#createUser\\:create");
        String text = browser.text("#createUser");
        assertTrue(text.contains("3 to 22 characters, starting with a lowercase letter"), text);
        assertTrue(text.contains("Enter a valid email address."), text);
        assertTrue(text.contains("Between 8 and 256 characters."), text);

        for (String username : new String[] {USER, OTHER}) {
            browser.type("#createUser\\:username", username)
                    .type("#createUser\\:email", username + "@example.com")
                    .type("#createUser\\:password", PASSWORD)
                    .clickAndWait("#createUser\\:create");
            assertMessage("User @" + username + " created.");
        }
        String row = rowText("#users", "@" + USER);
        assertTrue(row.contains(USER + "@example.com") && row.contains("Member") && row.contains("Active"), row);
        assertTrue(rowText("#users", "@" + ConsoleUsers.ADMIN).contains("System Admin"));
        assertFalse(
                browser.has("button[title='Deactivate @" + ConsoleUsers.ADMIN + "']"),
                "an admin does not deactivate themself here");

        browser.type("#createUser\\:username", USER)
                .type("#createUser\\:email", "else-" + USER + "@example.com")
                .type("#createUser\\:password", PASSWORD)
                .clickAndWait("#createUser\\:create");
        assertMessage("An account with that username already exists.");
        assertNoConsoleErrors();
    }

    @Test
    @Order(4)
    void membersJoinAndLeaveTheTeamAndThePrivateGroup() {
        browser.open(TEAMS).waitForPage();
        browser.clickAndWait("a[title='Members of " + TEAM + "']");
        assertTrue(browser.text("#teamMembers").contains("@" + ConsoleUsers.ADMIN), "the creator is a member");
        for (String username : new String[] {USER, OTHER}) {
            browser.type("#addMember\\:username", username).clickAndWait("#addMember\\:add");
            assertMessage("@" + username + " added to " + TEAM_DISPLAY + ".");
        }
        browser.type("#addMember\\:username", "nobody-" + USER).clickAndWait("#addMember\\:add");
        assertMessage("Unable to find the user.");
        assertTrue(browser.text("#teamMembers").contains("@" + USER), browser.text("#teamMembers"));

        browser.click("button[title='Remove @" + OTHER + "']");
        confirm();
        assertMessage("@" + OTHER + " removed from " + TEAM_DISPLAY + ".");
        assertFalse(browser.text("#teamMembers").contains("@" + OTHER), browser.text("#teamMembers"));
        assertTrue(browser.text("#teamMembers").contains("@" + USER), browser.text("#teamMembers"));
        browser.screenshot("system-teams");
        assertNoConsoleErrors();

        browser.clickAndWait("a[title='Channels of " + TEAM + "']");
        browser.clickAndWait("a[title='Members of ~" + GROUP + "']");
        assertTrue(browser.text("#channelMembers").contains("Private group"), browser.text("#channelMembers"));
        assertFalse(browser.text("#channelMembers").contains("@" + USER), "not in the group yet");
        browser.type("#addMember\\:username", USER).clickAndWait("#addMember\\:add");
        assertMessage("@" + USER + " added to Group " + GROUP + ".");
        assertTrue(browser.text("#channelMembers").contains("@" + USER), browser.text("#channelMembers"));
        browser.type("#addMember\\:username", OTHER).clickAndWait("#addMember\\:add");
        assertMessage("the user is not a member of the channel's team");
        browser.screenshot("system-channels");
        browser.script("document.getElementById('channelMembers').scrollIntoView()");
        browser.screenshot("system-channel-members");

        browser.click("button[title='Remove @" + USER + "']");
        confirm();
        assertMessage("@" + USER + " removed from Group " + GROUP + ".");
        assertFalse(browser.text("#channelMembers").contains("@" + USER), browser.text("#channelMembers"));
        assertNoConsoleErrors();
    }

    @Test
    @Order(5)
    void aDeactivatedUserCannotSignInUntilReactivated() {
        browser.open(USERS).waitForPage();
        browser.click("button[title='Deactivate @" + USER + "']");
        confirm();
        assertMessage("@" + USER + " deactivated");
        assertTrue(rowText("#users", "@" + USER).contains("Deactivated"), rowText("#users", "@" + USER));
        browser.screenshot("system-users");
        assertNoConsoleErrors();

        ConsoleUsers.signIn(browser, USER, PASSWORD);
        assertEquals("/signin.xhtml", browser.path());
        assertTrue(browser.pageText().contains("Wrong username or password."), browser.pageText());

        ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, ConsoleUsers.ADMIN_PASSWORD);
        browser.open(USERS).waitForPage();
        browser.clickAndWait("button[title='Reactivate @" + USER + "']");
        assertMessage("@" + USER + " reactivated.");
        assertTrue(rowText("#users", "@" + USER).contains("Active"), rowText("#users", "@" + USER));

        ConsoleUsers.signIn(browser, USER, PASSWORD);
        assertEquals("@" + USER, browser.text("#whoami"), "signed in again");
        assertNoConsoleErrors();
    }

    @Test
    @Order(6)
    void aSystemAdminSetsANewPassword() {
        ConsoleUsers.signIn(browser, ConsoleUsers.ADMIN, ConsoleUsers.ADMIN_PASSWORD);
        browser.open(USERS).waitForPage();
        browser.clickAndWait("a[title='Reset the password of @" + USER + "']");
        assertTrue(browser.text("#resetCard").contains("Reset the password of @" + USER), browser.pageText());

        browser.type("#reset\\:newPassword", NEW_PASSWORD)
                .type("#reset\\:repeatPassword", NEW_PASSWORD + "x")
                .clickAndWait("#reset\\:save");
        assertTrue(browser.text("#reset").contains("The two passwords differ."), browser.pageText());
        browser.type("#reset\\:newPassword", "short")
                .type("#reset\\:repeatPassword", "short")
                .clickAndWait("#reset\\:save");
        assertTrue(browser.text("#reset").contains("Between 8 and 256 characters."), browser.pageText());

        browser.type("#reset\\:newPassword", NEW_PASSWORD)
                .type("#reset\\:repeatPassword", NEW_PASSWORD)
                .clickAndWait("#reset\\:save");
        assertMessage("New password set for @" + USER + ".");
        assertNoConsoleErrors();

        ConsoleUsers.signIn(browser, USER, PASSWORD);
        assertEquals("/signin.xhtml", browser.path());
        assertTrue(browser.pageText().contains("Wrong username or password."), "the old password stopped working");
        ConsoleUsers.signIn(browser, USER, NEW_PASSWORD);
        assertEquals("@" + USER, browser.text("#whoami"), "the new password works");
        assertNoConsoleErrors();
    }

    @Test
    @Order(7)
    void aPlainUserIsNotAllowedIntoTheSystemConsole() throws IOException, InterruptedException {
        ConsoleUsers.signIn(browser, USER, NEW_PASSWORD);
        assertEquals("@" + USER, browser.text("#whoami"));
        assertFalse(browser.has("#navSystem"), "no System Console link for a plain user");
        browser.consoleErrors(); // drained: the 403 answers below log a "failed to load resource" each

        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
        for (String page : new String[] {TEAMS, CHANNELS, USERS, SETTINGS}) {
            browser.open(page).waitForPage();
            assertEquals("Not allowed", browser.text(".page-title"), page);
            assertTrue(browser.text("#errorText").contains("System Console pages are for system admins"), page);
            var errors = browser.consoleErrors();
            assertTrue(errors.stream().allMatch(e -> e.contains("403")), page + ": only the 403 itself: " + errors);

            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(browser.baseUrl() + page))
                            .header("Cookie", "JSESSIONID=" + session)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, response.statusCode(), page + " with the user's session");
            assertTrue(response.body().contains("Not allowed"), response.body());
        }
    }

    /** The visible text of the table row (under {@code tableCss}) whose text contains {@code marker}. */
    private static String rowText(String tableCss, String marker) {
        return browser.all(tableCss + " tbody tr").stream()
                .map(row -> row.getText())
                .filter(text -> text.contains(marker))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + marker + " in " + browser.text(tableCss)));
    }

    private static void waitForConfirmation() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#confirm\\:yes")));
    }

    private static void waitForConfirmationClosed() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-dialog-mask")));
    }

    /** Answers the System Console's confirmation dialog with yes; the confirmed button then submits its form. */
    private static void confirm() {
        waitForConfirmation();
        browser.clickAndWait("#confirm\\:yes");
    }

    /** The page's messages say {@code expected}; the failure shows the whole page. */
    private static void assertMessage(String expected) {
        assertTrue(browser.text("#messages").contains(expected), browser.pageText());
    }

    private static void assertNoConsoleErrors() {
        var errors = browser.consoleErrors();
        assertTrue(errors.isEmpty(), "script errors or CSP violations: " + errors);
    }
}
