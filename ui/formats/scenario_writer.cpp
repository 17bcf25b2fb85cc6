#include "scenario_writer.h"

#include "file_writer.h"
#include "json_format.h"
#include "scenario_file.h"
#include "scenario_names.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QJsonObject>

namespace attn::ui {

namespace {

/// The translation context of every message about scenario files.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ScenarioFile)
};

} // namespace

QByteArray writeScenario(const Scenario &scenario)
{
    using namespace scenario_names;
    QJsonObject root;
    root[QStringLiteral("format")] = QLatin1String(scenarioFormatName);
    root[QStringLiteral("version")] = scenarioFormatVersion;
    root[QStringLiteral("title")] = QString::fromStdString(scenario.title);
    root[QStringLiteral("description")] = QString::fromStdString(scenario.description);
    root[QStringLiteral("tokens")] = jsonStrings(scenario.target.tokens);
    root[QStringLiteral("embeddings")] = jsonMatrix(scenario.target.embeddings);
    if (scenario.source) {
        root[QStringLiteral("source")] = QJsonObject{
            {QStringLiteral("tokens"), jsonStrings(scenario.source->tokens)},
            {QStringLiteral("embeddings"), jsonMatrix(scenario.source->embeddings)},
        };
    }
    root[QStringLiteral("w_q")] = jsonMatrix(scenario.wQ);
    root[QStringLiteral("w_k")] = jsonMatrix(scenario.wK);
    root[QStringLiteral("w_v")] = jsonMatrix(scenario.wV);
    if (scenario.wO)
        root[QStringLiteral("w_o")] = jsonMatrix(*scenario.wO);
    root[QStringLiteral("heads")] = scenario.heads;

    // Parameters of options that are not chosen are kept too: switching the
    // score back to "general" should find W_a where it was left.
    root[QStringLiteral("score")] = nameOf(scoreNames, scenario.score);
    if (scenario.wA.size() > 0)
        root[QStringLiteral("w_a")] = jsonMatrix(scenario.wA);
    if (scenario.uA.size() > 0)
        root[QStringLiteral("u_a")] = jsonMatrix(scenario.uA);
    if (scenario.vA.size() > 0)
        root[QStringLiteral("v_a")] = jsonVector(scenario.vA);

    switch (scenario.scale) {
    case ScaleMode::SqrtHeadDim:
        root[QStringLiteral("scale")] = QStringLiteral("sqrt_dk");
        break;
    case ScaleMode::None:
        root[QStringLiteral("scale")] = QStringLiteral("none");
        break;
    case ScaleMode::Custom:
        root[QStringLiteral("scale")] = jsonNumber(scenario.scaleValue);
        break;
    }
    root[QStringLiteral("temperature")] = jsonNumber(scenario.temperature);
    root[QStringLiteral("mask")] = nameOf(maskNames, scenario.mask);
    if (!scenario.padding.empty()) {
        QJsonArray padding;
        for (const bool flag : scenario.padding)
            padding.append(flag);
        root[QStringLiteral("padding")] = padding;
    }

    QJsonObject span{
        {QStringLiteral("type"), nameOf(spanNames, scenario.span)},
        {QStringLiteral("window"), scenario.window},
    };
    if (scenario.wP.size() > 0)
        span[QStringLiteral("w_p")] = jsonMatrix(scenario.wP);
    if (scenario.vP.size() > 0)
        span[QStringLiteral("v_p")] = jsonVector(scenario.vP);
    root[QStringLiteral("span")] = span;

    const bool exactSeed = scenario.seed <= largestExactSeed;
    root[QStringLiteral("selection")] = QJsonObject{
        {QStringLiteral("type"), nameOf(selectionNames, scenario.selection)},
        {QStringLiteral("seed"), exactSeed ? QJsonValue(static_cast<qint64>(scenario.seed))
                                           : QJsonValue(QString::number(scenario.seed))},
    };
    root[QStringLiteral("positional")] = nameOf(positionalNames, scenario.positional);

    return prettyJson(root, topLevelKeys + spanKeys + selectionKeys);
}

bool writeScenarioFile(const Scenario &scenario, const QString &path, QString *error)
{
    QString reason;
    if (replaceFileContents(path, writeScenario(scenario), &reason))
        return true;
    if (error) {
        *error = Text::tr("%1: cannot write the file: %2")
                     .arg(QDir::toNativeSeparators(path), reason);
    }
    return false;
}

} // namespace attn::ui
