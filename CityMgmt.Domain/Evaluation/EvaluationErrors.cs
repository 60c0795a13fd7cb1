using CityMgmt.Domain.Common;

namespace CityMgmt.Domain.Evaluation;

/// <summary>Expected failures of evaluation configuration, periods and deductions. Messages name the problem.</summary>
public static class EvaluationErrors
{
    public static readonly Error SetNameRequired = new("Evaluation.SetNameRequired", $"评价方案名称不能为空，且不超过{FormulaSet.NameMaxLength}个字");
    public static readonly Error SetVersionInvalid = new("Evaluation.SetVersionInvalid", "评价方案版本号必须大于0");
    public static readonly Error UnknownEmptyPolicy = new("Evaluation.UnknownEmptyPolicy", "未知的无数据指标处理方式");
    public static readonly Error NoObjectTypes = new("Evaluation.NoObjectTypes", "评价方案至少需要配置一类评价对象");
    public static readonly Error ObjectFormulaMissing = new("Evaluation.ObjectFormulaMissing", "评价对象的配置不完整");
    public static readonly Error UnknownObjectType = new("Evaluation.UnknownObjectType", "未知的评价对象类型");

    public static Error DuplicateObjectType(EvaluationObjectType type) => new("Evaluation.DuplicateObjectType", $"评价对象“{type.DisplayName()}”重复配置");

    public static Error ObjectTypeNotConfigured(string setName, EvaluationObjectType type) => new("Evaluation.ObjectTypeNotConfigured", $"评价方案“{setName}”没有配置“{type.DisplayName()}”的指标");

    public static Error NoIndicators(EvaluationObjectType type) => new("Evaluation.NoIndicators", $"“{type.DisplayName()}”至少需要一个指标");

    public static Error IndicatorMissing(EvaluationObjectType type) => new("Evaluation.IndicatorMissing", $"“{type.DisplayName()}”有一个指标的配置不完整");

    public static Error IndicatorKeyInvalid(EvaluationObjectType type, string? key) => new("Evaluation.IndicatorKeyInvalid", $"“{type.DisplayName()}”的指标标识“{key}”无效：只能用英文字母、数字和下划线，以字母开头，不超过{FormulaSetValidator.KeyMaxLength}个字符");

    public static Error IndicatorKeyReserved(EvaluationObjectType type, string key) => new("Evaluation.IndicatorKeyReserved", $"“{type.DisplayName()}”的指标标识“{key}”与统计数、函数名或保留字重名，请换一个");

    public static Error DuplicateIndicatorKey(EvaluationObjectType type, string key) => new("Evaluation.DuplicateIndicatorKey", $"“{type.DisplayName()}”的指标标识“{key}”重复");

    public static Error IndicatorNameInvalid(EvaluationObjectType type, string? name) => new("Evaluation.IndicatorNameInvalid", $"“{type.DisplayName()}”的指标名称“{name}”无效：不能为空，不超过{FormulaSetValidator.NameMaxLength}个字，且不能含方括号");

    public static Error DuplicateIndicatorName(EvaluationObjectType type, string name) => new("Evaluation.DuplicateIndicatorName", $"“{type.DisplayName()}”的指标名称“{name}”重复");

    public static Error WeightOutOfRange(string indicator, decimal weight) => new("Evaluation.WeightOutOfRange", $"{indicator}的权重{weight:0.##}%必须在0%–100%之间");

    public static Error WeightsNotHundred(EvaluationObjectType type, decimal sum) => new("Evaluation.WeightsNotHundred", $"“{type.DisplayName()}”的指标权重合计为{sum:0.##}%，必须为100%");

    public static Error UnknownPolarity(string indicator) => new("Evaluation.UnknownPolarity", $"{indicator}的计分方向未知（应为正向或反向）");

    public static Error UnknownCount(string subject) => new("Evaluation.UnknownCount", $"{subject}引用了未知的统计数");

    public static Error MinimumSampleNegative(EvaluationObjectType type) => new("Evaluation.MinimumSampleNegative", $"“{type.DisplayName()}”的最小样本数不能小于0");

    public static Error BandsRequired(string subject) => new("Evaluation.BandsRequired", $"{subject}至少需要一个分段");

    public static Error BandInverted(string subject, ScoreBand band) => new("Evaluation.BandInverted", $"{subject}的分段“{band.Min}–{band.Max}”下限大于上限");

    public static Error BandScoreOutOfRange(string subject, ScoreBand band) => new("Evaluation.BandScoreOutOfRange", $"{subject}的分段“{band}”得分{band.Score:0.##}必须在0–100之间");

    public static Error BandsNotFromZero(string subject, ScoreBand first) => new("Evaluation.BandsNotFromZero", $"{subject}的分段必须从0开始（最小的分段是“{first}”）");

    public static Error BandsOverlap(string subject, ScoreBand first, ScoreBand second) => new("Evaluation.BandsOverlap", $"{subject}的分段“{first}”与“{second}”重叠");

    public static Error BandsGap(string subject, ScoreBand first, ScoreBand second) => new("Evaluation.BandsGap", $"{subject}的分段“{first}”与“{second}”之间不连续，缺少{first.Max + 1}–{second.Min - 1}");

    public static Error BandsNotOpenEnded(string subject, ScoreBand last) => new("Evaluation.BandsNotOpenEnded", $"{subject}的最后一个分段“{last}”必须不设上限（如“≥{last.Min}”）");

    public static Error GroupNameRequired(string subject) => new("Evaluation.GroupNameRequired", $"{subject}的分组分段缺少分组名称");

    public static Error FormulaRequired(string subject) => new("Evaluation.FormulaRequired", $"{subject}不能为空");

    public static Error FormulaSyntax(string subject, string text, int? column) => new("Evaluation.FormulaSyntax", column is null
        ? $"{subject}“{text}”有语法错误"
        : $"{subject}“{text}”有语法错误（第{column}个字符附近）");

    public static Error FormulaUnknownFunction(string subject, string name) => new("Evaluation.FormulaUnknownFunction", $"{subject}使用了不支持的函数“{name}”，可用函数：{string.Join("、", NCalcFormula.Functions)}");

    public static Error FormulaUnknownName(string subject, string name, string allowed) => new("Evaluation.FormulaUnknownName", $"{subject}引用了未知的名称“{name}”，只能引用{allowed}（中文名称须写在方括号内，如[立案数]）");

    public static Error FormulaNotNumeric(string subject, string text) => new("Evaluation.FormulaNotNumeric", $"{subject}“{text}”的结果必须是数值");

    public static Error FormulaCannotEvaluate(string subject, string text) => new("Evaluation.FormulaCannotEvaluate", $"{subject}“{text}”无法计算，请检查函数的参数个数和类型");

    public static Error CustomPeriodReversed(DateOnly from, DateOnly to) => new("Evaluation.CustomPeriodReversed", $"自定义时段的开始日期{from:yyyy-MM-dd}不能晚于结束日期{to:yyyy-MM-dd}");

    public static readonly Error DeductionTargetRequired = new("Evaluation.DeductionTargetRequired", "请选择被扣分的镇乡或部门");
    public static readonly Error DeductionTargetType = new("Evaluation.DeductionTargetType", "只能对镇乡（街道）或专业部门扣分");
    public static readonly Error DeductionReasonRequired = new("Evaluation.DeductionReasonRequired", $"请填写扣分原因（不超过{DeductionItem.ReasonMaxLength}个字）");
    public static readonly Error DeductionPointsOutOfRange = new("Evaluation.DeductionPointsOutOfRange", "扣分分值必须大于0且不超过100");
    public static readonly Error DeductionPointsTooPrecise = new("Evaluation.DeductionPointsTooPrecise", "扣分分值最多保留两位小数");
    public static readonly Error DeductionRecorderRequired = new("Evaluation.DeductionRecorderRequired", "扣分必须记录操作人");
    public static readonly Error RevocationReasonRequired = new("Evaluation.RevocationReasonRequired", $"请填写撤销原因（不超过{DeductionRevocation.ReasonMaxLength}个字）");
    public static readonly Error DeductionAlreadyRevoked = new("Evaluation.DeductionAlreadyRevoked", "该扣分已撤销，不能重复撤销");
    public static readonly Error DeductionNotFound = new("Evaluation.DeductionNotFound", "扣分记录不存在");
    public static readonly Error DeductionCaseNotFound = new("Evaluation.DeductionCaseNotFound", "关联的案件编号不存在");
    public static readonly Error DeductionDateInFuture = new("Evaluation.DeductionDateInFuture", "扣分日期不能晚于今天");
    public static readonly Error DeductionTargetNotFound = new("Evaluation.DeductionTargetNotFound", "被扣分的镇乡（街道）或部门不存在");

    public static Error PeerGroupNameInvalid(EvaluationObjectType type) => new("Evaluation.PeerGroupNameInvalid", $"“{type.DisplayName()}”的同类组名称不能为空，且不超过{FormulaSetValidator.NameMaxLength}个字");

    public static Error BandsText(string subject, string part) => new("Evaluation.BandsText", $"{subject}的分段“{part}”格式有误，应写作“下限-上限:得分”，如“0-50:100”，最后一段写作“1001-:0”");
}
