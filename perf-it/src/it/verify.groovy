// Runs after docs/library-usage was built and run by maven-invoker-plugin (see ../../pom.xml).
// Fails the build, with a message saying what is missing, unless:
//  1. the project's own JUnit test ran and passed, and its main (exec:java) ran the load check
//     against the installed perfkit and printed the verdict;
//  2. perf-core and perf-http were installed with their sources and Javadoc jars, and those
//     jars hold what they should;
//  3. the installed POMs carry the metadata Maven Central requires (name, description, url,
//     license, developer, scm), inherited from perfkit-parent.
import java.util.zip.ZipFile

def problems = []
def check = { ok, String what -> if (!ok) problems << what }   // ok: Groovy truth (a Matcher: found)

// 1. The build log of the project.
String log = new File(buildLog).getText('UTF-8')
check(log =~ /Tests run: 2, Failures: 0, Errors: 0, Skipped: 0/, 'LoadCheckTest did not run its 2 tests green')
check(log =~ /exec:3\.5\.1:java/, 'exec:java did not run')
check(log =~ /library-usage: COMPLETED after \d+\.\d s, \d+ iterations/, 'the load check did not report a completed run')
check(log =~ /(?m)^\s+hello\s+\d+ requests\s+0 failed/, 'the load check printed no failure-free "hello" sample')
check(log =~ /(?m)^\s+rule p95\(hello\)/, 'the load check printed no rule')
check(log =~ /(?m)^verdict: (PASS|WARNING) \(exit code 0\)$/, 'the load check printed no passing verdict')

// 2. The installed artifacts.
File repo = new File(localRepository)
def installed = { String module, String classifier ->
    String suffix = classifier ? "-${classifier}.jar" : '.jar'
    new File(repo, "dev/perfkit/${module}/${perfkitVersion}/${module}-${perfkitVersion}${suffix}")
}
def entries = { File jar -> jar.isFile() ? new ZipFile(jar).withCloseable { z -> z.entries().collect { it.name } } : [] }
[core: 'dev.perfkit.core', http: 'dev.perfkit.http'].each { shortName, moduleName ->
    String module = "perf-${shortName}"
    String pkg = moduleName.replace('.', '/')
    check(installed(module, null).isFile(), "${module}: no jar in ${repo}")
    def sources = entries(installed(module, 'sources'))
    check(sources.contains('module-info.java'), "${module}: the sources jar is missing or has no module-info.java")
    check(sources.any { it.startsWith("${pkg}/") && it.endsWith('.java') }, "${module}: the sources jar has no ${pkg} sources")
    def javadoc = entries(installed(module, 'javadoc'))
    check(javadoc.contains('index.html'), "${module}: the Javadoc jar is missing or has no index.html")
    check(javadoc.any { it.startsWith("${moduleName}/${pkg}/") && it.endsWith('.html') }, "${module}: the Javadoc jar documents no ${moduleName} type")
    check(!javadoc.any { it.contains('/internal/') }, "${module}: the Javadoc jar documents an internal package")
}
check(entries(installed('perf-core', 'javadoc')).contains('dev.perfkit.core/dev/perfkit/core/LoadTest.html'),
    'perf-core: the Javadoc jar has no LoadTest page')

// 3. The POM metadata. Central validates the effective model, so what the modules inherit from
//    perfkit-parent counts: check the parent has it all and the modules name and describe themselves.
def pom = { String module ->
    File f = new File(repo, "dev/perfkit/${module}/${perfkitVersion}/${module}-${perfkitVersion}.pom")
    f.isFile() ? new groovy.xml.XmlSlurper().parse(f) : null
}
def parent = pom('perfkit-parent')
check(parent != null, 'perfkit-parent: no POM installed')
if (parent != null) {
    check(parent.url.text().startsWith('https://'), 'perfkit-parent: no url')
    check(parent.licenses.license.name.text() == 'Apache License, Version 2.0', 'perfkit-parent: no Apache-2.0 license')
    check(parent.licenses.license.url.text().startsWith('https://'), 'perfkit-parent: no license url')
    check(!parent.developers.developer.name.text().isEmpty(), 'perfkit-parent: no developer')
    check(parent.scm.url.text().startsWith('https://'), 'perfkit-parent: no scm url')
    check(parent.scm.connection.text().startsWith('scm:git:'), 'perfkit-parent: no scm connection')
}
['perf-core', 'perf-http'].each { module ->
    def p = pom(module)
    check(p != null, "${module}: no POM installed")
    if (p != null) {
        check(p.parent.artifactId.text() == 'perfkit-parent', "${module}: does not inherit perfkit-parent's metadata")
        check(!p.name.text().isEmpty(), "${module}: no name")
        check(!p.description.text().isEmpty(), "${module}: no description")
    }
}
new File(rootDirectory, 'LICENSE').with { check(it.isFile() && it.text.contains('Apache License'), 'no LICENSE file at the root') }

if (problems) {
    throw new AssertionError('docs/library-usage as a library user:\n  ' + problems.join('\n  '))
}
println "verify.groovy: library-usage ran its tests and printed the verdict; perf-core and perf-http carry sources, Javadoc and Central metadata"
return true
