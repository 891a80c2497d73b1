using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MicroLearnBot.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class UniqueFirstDelivery : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_lesson_deliveries_first_delivery",
                table: "lesson_deliveries",
                columns: new[] { "LearnerId", "CourseId", "NuggetId", "IsReview" },
                unique: true,
                filter: "\"IsReview\" = false");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_lesson_deliveries_first_delivery",
                table: "lesson_deliveries");
        }
    }
}
